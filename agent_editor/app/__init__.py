"""The Qt application: start-up, the one OpenDocument per open file, every question the app
asks (dialogs), menu actions, and the two windows in ``editor/`` and ``compare/``. The only
package that imports PySide6; it uses ``agentfile`` and ``compare``, which never use it."""
