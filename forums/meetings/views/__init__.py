"""Meeting pages. Thin: parse, check permission, call one service or selector, answer."""

from forums.meetings.views.meetings import MeetingDetailView, PaperDownloadView

__all__ = ["MeetingDetailView", "PaperDownloadView"]
