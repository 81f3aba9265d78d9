"""`{% load expenses_money %}{{ claim.total|pounds }}`: money shown one way ("£12,000.00")."""

from django import template

from forums.expenses.money import pounds as _pounds

register = template.Library()


@register.filter
def pounds(value) -> str:
    """See forums.expenses.money.pounds."""
    return _pounds(value)
