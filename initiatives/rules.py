"""Who may do what with initiatives, options and opportunities.

Everyone in an area sees its published register; officers (and commissioners) register and
change initiatives and see drafts and archived ones; parent carers and young people get
involved in opportunities meant for them.
"""

import rules

from coproduction.people.rules import (
    is_area_family_member,
    is_area_member,
    is_area_officer,
    roles_in_area,
)
from initiatives.models import Initiative, Opportunity, Publication


@rules.predicate
def is_published(person, obj=None):
    """The object is a published initiative, or belongs to one (an opportunity)."""
    if isinstance(obj, Opportunity):
        obj = obj.initiative
    return isinstance(obj, Initiative) and obj.publication == Publication.PUBLISHED


@rules.predicate
def is_in_audience(person, opportunity=None):
    """The opportunity is for people in the person's role (parent carers, young people)."""
    return isinstance(opportunity, Opportunity) and opportunity.is_for_roles(
        roles_in_area(person, opportunity)
    )


# The register, the summary and options: everyone in the area.
rules.add_perm("initiatives.view_register", is_area_member)
rules.add_perm("initiatives.export_register", is_area_member)
rules.add_perm("initiatives.view_summary", is_area_member)
rules.add_perm("initiatives.view_options", is_area_member)
# Drafts and archived initiatives (checked against the area).
rules.add_perm("initiatives.view_unpublished", is_area_officer)
# One initiative, or one of its opportunities: published ones for everyone in the area.
rules.add_perm("initiatives.view_initiative", is_area_member & (is_published | is_area_officer))

# Officers register and run initiatives.
rules.add_perm("initiatives.add_initiative", is_area_officer)
rules.add_perm("initiatives.change_initiative", is_area_officer)
rules.add_perm("initiatives.view_history", is_area_officer)
rules.add_perm("initiatives.import_initiatives", is_area_officer)

# Opportunities: officers open and answer them; families get involved.
rules.add_perm("initiatives.manage_opportunity", is_area_officer)
rules.add_perm("initiatives.get_involved", is_area_family_member)
rules.add_perm(
    "initiatives.express_interest",
    is_area_family_member & is_published & is_in_audience,
)
