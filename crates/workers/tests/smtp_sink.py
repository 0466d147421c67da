"""A real SMTP server for the notification tests: every message received is written to
OUT/NNNN.eml. Runs until its standard input closes (the test process ends)."""
import os
import sys

from aiosmtpd.controller import Controller


class Save:
    def __init__(self, out):
        self.out = out

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.out, "%04d.eml" % len(os.listdir(self.out)))
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 OK"


port, out = int(sys.argv[1]), sys.argv[2]
controller = Controller(Save(out), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
