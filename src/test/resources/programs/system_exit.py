# sys.exit raises SystemExit; at the top it ends the program without a traceback, its code the
# exit status, or a message on stderr and status 1. The frames it leaves are freed before shutdown.
import sys


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('released', self.name)


for status in [4, (1, 2), None, 'message']:
    try:
        sys.exit(status)
    except SystemExit as e:
        print('caught', repr(e.code), e.args)

try:
    raise SystemExit
except SystemExit as e:
    print('bare SystemExit: code', e.code)


def main():
    held = Resource('local of main')
    sys.exit('fatal: the configuration is missing')


keep = Resource('global')
main()
print('never printed')
