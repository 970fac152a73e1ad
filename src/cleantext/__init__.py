"""cleantext: find and repair damaged text, with an account of every change.

>>> import cleantext
>>> cleantext.fix_text("naÃ¯ve cafÃ©")
'naïve café'
"""

from __future__ import annotations

from .api import fix_and_explain, fix_text, scan_text
from .config import PROFILES, Config
from .decoding import fix_bytes
from .errors import CleantextError, NotTextError, PlanError, UnknownStepError
from .finding import Finding
from .pipeline import Result
from .plan import Edit, Plan, PlanStep, apply_plan, plan_from_json, plan_to_json
from .stream import fix_file, iter_fix

__all__ = [
    "PROFILES",
    "CleantextError",
    "Config",
    "Edit",
    "Finding",
    "NotTextError",
    "Plan",
    "PlanError",
    "PlanStep",
    "Result",
    "UnknownStepError",
    "apply_plan",
    "fix_and_explain",
    "fix_bytes",
    "fix_file",
    "fix_text",
    "iter_fix",
    "plan_from_json",
    "plan_to_json",
    "scan_text",
]

__version__ = "0.1.0"
