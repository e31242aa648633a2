"""flankwatch: indicators and warnings for hybrid threats on NATO's eastern flank."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flankwatch")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
