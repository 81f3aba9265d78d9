"""The plug-in point: the frame reads apps' pages, sections and demo loaders from the registry."""

import pytest

from coproduction.people.models import Role
from coproduction.registry import DemoLoader, Registry, registry
from tests.people.factories import member


def test_every_app_registers_its_area_pages_in_menu_order():
    names = [page.url_name for page in registry.area_pages]
    assert names[0] == "people:area_home"
    assert names.index("initiatives:register") < names.index("people:member_list")
    assert names.index("people:member_list") < names.index("forums:governance")
    assert names[-1] == "people:area_settings"


def test_demo_loaders_run_after_what_they_need():
    order = [loader.name for loader in registry.demo_loaders_in_order()]
    assert order[0] == "people"
    assert set(order) >= {"people", "initiatives", "forums"}


def test_demo_loaders_waiting_for_each_other_are_an_error():
    looped = Registry()
    looped.add_demo_loader(DemoLoader("a", lambda: None, after=("b",)))
    looped.add_demo_loader(DemoLoader("b", lambda: None, after=("a",)))
    with pytest.raises(ValueError, match="wait for each other"):
        looped.demo_loaders_in_order()


@pytest.mark.django_db
def test_a_parent_carer_sees_only_the_pages_their_role_allows(area):
    parent = member(area, Role.PARENT_CARER)
    texts = [link["text"] for link in registry.area_links(parent, area)]
    assert "Join a work stream" in texts
    assert "People" not in texts
    assert "Area settings" not in texts
