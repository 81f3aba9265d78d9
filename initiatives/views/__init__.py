"""Pages of the initiatives app: the register, its summary and options, an initiative and its
officer pages, opportunities to get involved, and CSV import and export.

Views parse, check permission, call one service or selector and render or redirect. Split by
sub-domain; every view is importable from here, as the URLs use them (`views.RegisterView`).
"""

from initiatives.views.csv_import import ImportCheckView, ImportView
from initiatives.views.initiatives import (
    InitiativeDetailView,
    InitiativeEditView,
    InitiativeRegisterView,
    OptionsEditView,
    PublicationView,
    StatusView,
)
from initiatives.views.opportunities import (
    GetInvolvedView,
    InterestRespondView,
    InterestWithdrawView,
    OpportunityCloseView,
    OpportunityDetailView,
    OpportunityFormView,
)
from initiatives.views.outcomes import (
    ContactAddView,
    ContactRemoveView,
    OutcomeFormView,
    OutcomeRemoveView,
)
from initiatives.views.register import (
    ExportView,
    OptionDetailView,
    OptionListView,
    RegisterView,
    SummaryView,
)

__all__ = [
    "ContactAddView",
    "ContactRemoveView",
    "ExportView",
    "GetInvolvedView",
    "ImportCheckView",
    "ImportView",
    "InitiativeDetailView",
    "InitiativeEditView",
    "InitiativeRegisterView",
    "InterestRespondView",
    "InterestWithdrawView",
    "OpportunityCloseView",
    "OpportunityDetailView",
    "OpportunityFormView",
    "OptionDetailView",
    "OptionListView",
    "OptionsEditView",
    "OutcomeFormView",
    "OutcomeRemoveView",
    "PublicationView",
    "RegisterView",
    "StatusView",
    "SummaryView",
]
