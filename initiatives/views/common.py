"""Helpers the initiatives pages share: pagination that keeps filters, and permission checks."""

from govuk_frontend_django.components.pagination import (
    GovUKPagination,
    PaginationItems,
    PaginationNext,
    PaginationPrevious,
)

PAGE_SIZE = 25


def pagination(page, request) -> GovUKPagination | None:
    """GOV.UK pagination whose links keep the page's filters (the package's tag drops them)."""
    if page.paginator.num_pages <= 1:
        return None
    params = request.GET.copy()

    def href(number) -> str:
        params["page"] = number
        return "?" + params.urlencode()

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append(PaginationItems(ellipsis=True))
        else:
            items.append(
                PaginationItems(
                    number=str(number), href=href(number), current=number == page.number
                )
            )
    previous = (
        PaginationPrevious(href=href(page.previous_page_number()), labelText="Previous").__dict__
        if page.has_previous()
        else None
    )
    following = (
        PaginationNext(href=href(page.next_page_number()), labelText="Next").__dict__
        if page.has_next()
        else None
    )
    return GovUKPagination(
        items=items, previous=previous, next=following, landmarkLabel="Pages of results"
    )


def can(request, permission: str, obj) -> bool:
    """Whether the person asking may do `permission` on `obj` (the rules in rules.py)."""
    return request.user.has_perm(permission, obj)
