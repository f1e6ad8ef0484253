"""The YAML files shipped in claimgraph/data, read the same way everywhere."""
from __future__ import annotations

from importlib import resources

import yaml

from .errors import DataFileError

# libyaml's parser reads the same YAML 1.1 as PyYAML's own, ten times faster: every worker
# process reads all the lexicons at start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data_yaml(*parts: str) -> dict:
    """The mapping in claimgraph/data/<parts...>; DataFileError (naming the file) when it is not one."""
    where = "/".join(parts)
    try:
        data = yaml.load(resources.files("claimgraph").joinpath("data", *parts).read_text(encoding="utf-8"),
                         Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise DataFileError(f"data/{where}: cannot be read as YAML ({err})") from err
    if not isinstance(data, dict):
        raise DataFileError(f"data/{where}: expected a mapping at the top level")
    return data
