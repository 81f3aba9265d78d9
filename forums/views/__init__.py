"""Pages of the forums app, by sub-domain: groups, equality monitoring, governance, joining,
representation, consultation load and partnership agreements. Views parse, check a permission,
call one service or selector and render or redirect. `forums/urls.py` uses the names here.
"""

from forums.views.agreements import (
    AGREEMENT_PARTS,
    AgreementDetailView,
    AgreementFormView,
    AgreementListView,
    AgreementMixin,
    AgreementPartDeleteView,
    AgreementPartFormView,
    AgreementPartMixin,
    AgreementRenewView,
    AgreementSignView,
    OutcomeProgressView,
)
from forums.views.bodies import (
    BodyDetailView,
    BodyFormView,
    BodyMembershipEndView,
    BodyMembershipFormView,
    BodyMixin,
    GovernanceTreeView,
)
from forums.views.consultation import (
    ConsultationOverviewView,
    ConsultationRecordView,
    GroupLoadView,
    LoadPageMixin,
    PersonLoadView,
)
from forums.views.equality import (
    EqualityRecordView,
    EqualityWithdrawView,
    PopulationFiguresView,
)
from forums.views.groups import (
    GroupDetailView,
    GroupFormView,
    GroupListView,
    GroupMemberAddView,
    GroupMemberEditView,
    GroupMemberLeaveView,
    GroupMixin,
)
from forums.views.joining import (
    BodyRequestsView,
    JoinableBodiesView,
    JoinRequestAcceptView,
    JoinRequestCreateView,
    JoinRequestDeclineView,
    JoinRequestMixin,
    JoinRequestWithdrawView,
)
from forums.views.representation import (
    RepresentationView,
)

__all__ = [
    "AGREEMENT_PARTS",
    "AgreementDetailView",
    "AgreementFormView",
    "AgreementListView",
    "AgreementMixin",
    "AgreementPartDeleteView",
    "AgreementPartFormView",
    "AgreementPartMixin",
    "AgreementRenewView",
    "AgreementSignView",
    "BodyDetailView",
    "BodyFormView",
    "BodyMembershipEndView",
    "BodyMembershipFormView",
    "BodyMixin",
    "BodyRequestsView",
    "ConsultationOverviewView",
    "ConsultationRecordView",
    "EqualityRecordView",
    "EqualityWithdrawView",
    "GovernanceTreeView",
    "GroupDetailView",
    "GroupFormView",
    "GroupListView",
    "GroupLoadView",
    "GroupMemberAddView",
    "GroupMemberEditView",
    "GroupMemberLeaveView",
    "GroupMixin",
    "JoinRequestAcceptView",
    "JoinRequestCreateView",
    "JoinRequestDeclineView",
    "JoinRequestMixin",
    "JoinRequestWithdrawView",
    "JoinableBodiesView",
    "LoadPageMixin",
    "OutcomeProgressView",
    "PersonLoadView",
    "PopulationFiguresView",
    "RepresentationView",
]
