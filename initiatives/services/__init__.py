"""Every change to initiatives, their outcomes, contacts and options, opportunities and
interest happens here. Each change an officer makes to an initiative is written to its
history (InitiativeChange) in the same transaction.

Split by sub-domain; the public names are re-exported so callers write
`from initiatives import services` and `services.initiative_register(...)`.
"""

from initiatives.details import InitiativeDetails, OpportunityDetails
from initiatives.services.csv_import import (
    ALREADY_IMPORTED,
    import_upload_keep,
    initiatives_import,
    initiatives_import_upload,
)
from initiatives.services.membership_end import (
    area_membership_ended,
)
from initiatives.services.opportunities import (
    interest_accept,
    interest_decline,
    interest_express,
    interest_withdraw,
    opportunity_close,
    opportunity_open,
    opportunity_update,
)
from initiatives.services.register import (
    contact_add,
    contact_remove,
    initiative_archive,
    initiative_change_status,
    initiative_publish,
    initiative_register,
    initiative_restore,
    initiative_set_options,
    initiative_update,
    initiatives_refresh_search,
    options_load,
    outcome_add,
    outcome_remove,
    outcome_update,
)

__all__ = [
    "ALREADY_IMPORTED",
    "InitiativeDetails",
    "OpportunityDetails",
    "area_membership_ended",
    "contact_add",
    "contact_remove",
    "initiative_archive",
    "initiative_change_status",
    "initiative_publish",
    "initiative_register",
    "initiative_restore",
    "initiative_set_options",
    "initiative_update",
    "import_upload_keep",
    "initiatives_import",
    "initiatives_import_upload",
    "initiatives_refresh_search",
    "interest_accept",
    "interest_decline",
    "interest_express",
    "interest_withdraw",
    "opportunity_close",
    "opportunity_open",
    "opportunity_update",
    "options_load",
    "outcome_add",
    "outcome_remove",
    "outcome_update",
]
