"""Load the demo local areas, organisations and accounts. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coproduction.people import demo as people_demo
from coproduction.registry import registry


class Command(BaseCommand):
    help = "Create the demo areas (Birmingham, Leeds, West Sussex) and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load demo data even though DEBUG is off (never on a live site).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a live site: demo accounts with a published "
                "password would be a security hole. Use --force if you really mean it."
            )
        # Each app registers its loader and what it must run after (coproduction.registry).
        for loader in registry.demo_loaders_in_order():
            loader.load()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"\nDemo sign-ins (password for all: {people_demo.DEMO_PASSWORD}):")
        for email, name, places in people_demo.ACCOUNTS:
            where = "; ".join(
                f"{slug}: {', '.join(role.label for role in roles)}"
                for slug, (roles, _org) in places.items()
            )
            self.stdout.write(f"  {email:<26} {name:<16} {where}")
        self.stdout.write(
            "\nadmin@example.org uses two-factor sign-in. Add this key to an authenticator app "
            f"(time-based, 6 digits):\n  {people_demo.DEMO_TOTP_SECRET}\n"
        )
