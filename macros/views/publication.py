"""How the record is published: its licences and the credit line that goes with every copy."""

from __future__ import annotations

SITE_NAME = "Trade Truce Tracker"
AUTHOR = "Trade Truce Tracker contributors"
DATA_LICENSE = "CC-BY-4.0"
DATA_LICENSE_NAME = "Creative Commons Attribution 4.0 International"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"


def credit(as_of: str) -> str:
    """The attribution a reuser gives: what the licence asks for, in one line."""
    return (f"{SITE_NAME}, data as of {as_of}. Licensed {DATA_LICENSE_NAME} ({DATA_LICENSE}), "
            f"{DATA_LICENSE_URL}")
