"""Who may do what with expense claims, receipts, the incentives portfolio and the finance
file.

Claims and receipts are seen only by the claimant, the person who made the claim for them
(an area administrator: the portal's "forum administrator", who pays people who are not
representatives, as West Sussex's forum does), and the area's officers who approve them.
Officers decide claims but never their own. Area administrators set the cap and the young
people's service, and may claim for someone; they do not approve.
"""

import rules

from coproduction.people.rules import (
    is_area_admin,
    is_area_family_member,
    is_area_member,
    is_area_officer,
)
from forums.expenses.models import ClaimStatus


@rules.predicate
def is_claimant(person, claim=None):
    return claim is not None and claim.claimant_id == getattr(person, "pk", None)


@rules.predicate
def is_submitter(person, claim=None):
    return claim is not None and claim.submitted_by_id == getattr(person, "pk", None)


@rules.predicate
def is_waiting(person, claim=None):
    return claim is not None and claim.status == ClaimStatus.SUBMITTED


@rules.predicate
def change_asked(person, claim=None):
    return claim is not None and claim.status == ClaimStatus.CHANGES_REQUESTED


@rules.predicate
def is_open_for_receipts(person, claim=None):
    return claim is not None and claim.status in (
        ClaimStatus.SUBMITTED,
        ClaimStatus.CHANGES_REQUESTED,
    )


@rules.predicate
def is_approved(person, claim=None):
    return claim is not None and claim.status == ClaimStatus.APPROVED


owns = is_area_member & (is_claimant | is_submitter)

# Area-wide pages, checked against the area before any claim is looked up.
rules.add_perm("expenses.view_my_claims", is_area_family_member | is_area_admin)
rules.add_perm("expenses.make_claim", is_area_family_member)
rules.add_perm("expenses.claim_on_behalf", is_area_admin)
rules.add_perm("expenses.choose_incentive", is_area_family_member)
rules.add_perm("expenses.approve_claims", is_area_officer)
rules.add_perm("expenses.view_finance", is_area_officer)
rules.add_perm("expenses.manage_incentives", is_area_officer | is_area_admin)
rules.add_perm("expenses.manage_budgets", is_area_officer | is_area_admin)
rules.add_perm("expenses.manage_settings", is_area_admin)
# Any claim page at all: people who could own a claim, and officers.
rules.add_perm("expenses.open_claims", is_area_family_member | is_area_admin | is_area_officer)

# One claim.
rules.add_perm("expenses.view_claim", owns | is_area_officer)
rules.add_perm("expenses.change_claim", owns & change_asked)
rules.add_perm("expenses.add_receipt", owns & is_open_for_receipts)
rules.add_perm("expenses.decide_claim", is_area_officer & is_waiting & ~is_claimant)
rules.add_perm("expenses.record_paid", is_area_officer & is_approved & ~is_claimant)
