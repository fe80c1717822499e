"""The app's look as data, with no Qt: colour tokens for light and dark palettes, contrast
arithmetic, and the stylesheet templates that are filled with those tokens."""
