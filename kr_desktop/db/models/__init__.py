"""All models, imported here so Alembic and the application see one metadata.

Each area keeps its models in its own module; a new module is imported below.
"""

from kr_desktop.db.models.base import Base, Versioned, versioned  # noqa: F401
from kr_desktop.db.models.program import *  # noqa: F401,F403
from kr_desktop.db.models.system import *  # noqa: F401,F403
from kr_desktop.db.models.awards import *  # noqa: F401,F403
from kr_desktop.db.models.program_cycle import *  # noqa: F401,F403
from kr_desktop.db.models.users import *  # noqa: F401,F403
from kr_desktop.db.models.events import *  # noqa: F401,F403
from kr_desktop.db.models.stock import *  # noqa: F401,F403
from kr_desktop.db.models.declension import *  # noqa: F401,F403
