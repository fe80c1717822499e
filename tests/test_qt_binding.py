"""The Qt binding the app runs on must not break the interpreter.

PySide6 6.12.0 drops a reference to None on every call of a C++ method that returns
nothing; on Python 3.11 None is freed after a few thousand calls and the process
aborts. pyproject.toml keeps that release out; this test fails if it ever comes back.
"""

from PySide6.QtCore import QPoint
import sys


def test_calls_returning_nothing_keep_none_alive():
    point = QPoint()
    before = sys.getrefcount(None)
    for value in range(1000):
        point.setX(value)
    assert sys.getrefcount(None) >= before
    assert point.x() == 999
