# An exception raised while another is handled: CPython prints both, the first as the context.
config = {"port": "80"}

def read_port(cfg):
    try:
        return int(cfg["host"])
    except KeyError:
        print("no host; falling back")
        return cfg["port"] / 2

print("starting")
read_port(config)
