"""Every change to groups, bodies, memberships, join requests and partnership agreements
happens here, by sub-domain; every public name is importable from here.

Callers check permissions first (forums/rules.py); these functions keep the rules of the
data: same area, no overlaps, no cycles, no half-done changes.
"""

from forums.services.agreements import (
    ON_THE_DAY_GRACE,
    agreement_outcome_record_progress,
    agreement_part_delete,
    agreement_part_save,
    agreement_renew,
    agreement_review_reminders_send,
    agreement_save,
    agreement_sign,
)
from forums.services.bodies import (
    body_check_parent,
    body_membership_end,
    body_membership_save,
    body_save,
)
from forums.services.common import (
    require_area_member,
)
from forums.services.equality import (
    equality_record_save,
    equality_record_withdraw,
    equality_snapshots_take,
    population_field_name,
    population_figures_save,
)
from forums.services.groups import (
    group_member_add,
    group_member_leave,
    group_membership_set_role,
    group_save,
)
from forums.services.joining import (
    join_request_accept,
    join_request_create,
    join_request_decline,
    join_request_withdraw,
)
from forums.services.membership_end import (
    area_membership_ended,
)

__all__ = [
    "ON_THE_DAY_GRACE",
    "agreement_outcome_record_progress",
    "agreement_part_delete",
    "agreement_part_save",
    "agreement_renew",
    "agreement_review_reminders_send",
    "agreement_save",
    "agreement_sign",
    "area_membership_ended",
    "body_check_parent",
    "body_membership_end",
    "body_membership_save",
    "body_save",
    "equality_record_save",
    "equality_record_withdraw",
    "equality_snapshots_take",
    "group_member_add",
    "group_member_leave",
    "group_membership_set_role",
    "group_save",
    "join_request_accept",
    "join_request_create",
    "join_request_decline",
    "join_request_withdraw",
    "population_field_name",
    "population_figures_save",
    "require_area_member",
]
