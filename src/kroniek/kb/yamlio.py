"""YAML reading for KB files: fast (libyaml) and with dates left as text.

PyYAML turns ``2020-13-01`` into an exception deep in its constructor; keeping dates as
strings lets :func:`kroniek.kb.dates.parse_date` report bad dates per entry instead.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class KBLoader(yaml.CSafeLoader):
    """Safe loader without the implicit timestamp resolver."""


KBLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.copy().items()
}


def load_yaml(stream: IO[str] | str) -> Any:
    return yaml.load(stream, Loader=KBLoader)
