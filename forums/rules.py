"""Who may do what with groups, bodies, join requests, consultation load and agreements.

Area roles come from coproduction.people.rules. Powers over one body come from holding its
chair, co-chair or lead membership today (`is_body_chair_or_lead`).
"""

import rules

from coproduction.people.rules import (
    area_id_of,
    is_area_admin,
    is_area_board_member,
    is_area_family_member,
    is_area_member,
    is_area_officer,
)
from forums.models import Body, BodyStatus, PartnershipAgreement
from forums.selectors import chaired_area_ids, chaired_body_ids


def _body_id_of(obj) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Body):
        return obj.pk
    return getattr(obj, "body_id", None)


@rules.predicate
def is_body_chair_or_lead(person, obj=None):
    """True when the person chairs, co-chairs or leads the body (`obj` is a Body, or has a
    `body_id`, such as a join request or a membership) today, in an area they belong to."""
    body_id = _body_id_of(obj)
    if body_id is None or not getattr(person, "is_authenticated", False):
        return False
    return body_id in chaired_body_ids(person) and is_area_member(person, obj)


@rules.predicate
def chairs_a_body_in_area(person, obj=None):
    """True when the person chairs, co-chairs or leads any body today in the area `obj` is
    (or belongs to), and belongs to that area. Decided before any record is looked up."""
    area_id = area_id_of(obj)
    if area_id is None or not getattr(person, "is_authenticated", False):
        return False
    return area_id in chaired_area_ids(person) and is_area_member(person, obj)


@rules.predicate
def body_is_open(person, body=None):
    return body is not None and body.open_to_requests and body.status != BodyStatus.ENDED


@rules.predicate
def is_requester(person, join_request=None):
    return join_request is not None and join_request.person_id == getattr(person, "pk", None)


@rules.predicate
def is_pending(person, join_request=None):
    return join_request is not None and join_request.status == join_request.Status.PENDING


@rules.predicate
def is_themselves(person, area_membership=None):
    """The record (an area membership) is the person's own."""
    return area_membership is not None and area_membership.person_id == getattr(person, "pk", None)


@rules.predicate
def is_draft_agreement(person, agreement=None):
    return agreement is not None and agreement.status == PartnershipAgreement.Status.DRAFT


@rules.predicate
def is_signed_agreement(person, agreement=None):
    return agreement is not None and agreement.status == PartnershipAgreement.Status.SIGNED


can_manage = is_area_officer | is_area_admin
can_oversee = is_area_officer | is_area_board_member | is_area_admin

# Participation groups and equality monitoring
rules.add_perm("forums.view_groups", is_area_member)
rules.add_perm("forums.manage_groups", can_manage)
rules.add_perm("forums.manage_population", is_area_admin)

# Bodies and memberships
rules.add_perm("forums.view_governance", is_area_member)
rules.add_perm("forums.add_body", can_manage)
rules.add_perm("forums.change_body", can_manage | is_body_chair_or_lead)
rules.add_perm("forums.manage_body_members", can_manage | is_body_chair_or_lead)
# The role behind the organiser pages of one body and its join requests, checked on the area
# before anything is looked up: members with no organiser right in the area at all (not an
# officer or administrator, chairing no body there) get the same 403 for any id.
rules.add_perm("forums.organise_bodies", can_manage | chairs_a_body_in_area)

# Joining
rules.add_perm("forums.find_bodies_to_join", is_area_family_member)
rules.add_perm("forums.ask_to_join_body", is_area_family_member & body_is_open)
rules.add_perm("forums.view_join_requests", is_body_chair_or_lead)
rules.add_perm("forums.decide_join_request", is_body_chair_or_lead & is_pending)
rules.add_perm("forums.withdraw_join_request", is_requester & is_pending & is_area_member)

# Representation
rules.add_perm("forums.view_representation", can_oversee)

# Consultation load
rules.add_perm("forums.view_consultation_load", can_oversee)
rules.add_perm("forums.record_consultation_request", is_area_officer)
rules.add_perm("forums.view_person_consultation_load", can_oversee | is_themselves)

# Partnership agreements
rules.add_perm("forums.view_agreements", is_area_member)
rules.add_perm("forums.add_agreement", can_manage)
# The role behind every change to agreements, checked on the area before one is looked up.
rules.add_perm("forums.manage_agreements", can_manage)
rules.add_perm("forums.change_agreement", can_manage & is_draft_agreement)
rules.add_perm("forums.sign_agreement", can_manage & is_draft_agreement)
rules.add_perm("forums.renew_agreement", can_manage & is_signed_agreement)
rules.add_perm("forums.record_outcome_progress", can_manage & is_signed_agreement)
