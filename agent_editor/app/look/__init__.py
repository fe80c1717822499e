"""The app's light or dark look in Qt: following the desktop's palette live, or the
look the author chose under View › Appearance (see ``look.py``)."""
