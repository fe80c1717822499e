"""Help for a new author: the welcome panel on first start and the user guide shown in the app."""
