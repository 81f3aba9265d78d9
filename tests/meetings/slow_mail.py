"""An email backend for the killed-worker test: slow, and writing to files another process reads.

Each message first notes its recipient in `<SLOW_MAIL_FILE>.started`, waits
SLOW_MAIL_SECONDS (default 0.05), then appends "<recipient>\t<subject>" to SLOW_MAIL_FILE:
the second file is what was delivered. Set through EMAIL_BACKEND in the worker's environment.
"""

import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        path = os.environ["SLOW_MAIL_FILE"]
        pause = float(os.environ.get("SLOW_MAIL_SECONDS", "0.05"))
        for message in email_messages:
            for to in message.to:
                with open(path + ".started", "a") as started:
                    started.write(f"{to}\n")
            time.sleep(pause)
            with open(path, "a") as delivered:
                for to in message.to:
                    delivered.write(f"{to}\t{message.subject}\n")
        return len(email_messages)
