"""Layer 1: pydantic models of a case, schema version, migrations, limits."""
from .case import *  # noqa: F403
from .case import SCHEMA_VERSION, Case, check_integrity  # noqa: F401
from .errors import CaseError  # noqa: F401
from .load import new_case, new_id, parse_case  # noqa: F401
from .migrate import migrate  # noqa: F401
from . import ops  # noqa: F401
