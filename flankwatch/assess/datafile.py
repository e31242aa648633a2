"""The assessment's data-file helpers: those of `flankwatch.fuse.datafile`, the lowest stage reading YAML."""

from flankwatch.fuse.datafile import need, packaged, read_yaml

__all__ = ["need", "packaged", "read_yaml"]
