# raise ... from ...: the cause is printed first, with its own traceback and markers.
class ConfigError(Exception):
    pass

def parse(text):
    parts = text.split("=")
    return parts[0], int(parts[1])

def load(lines):
    settings = {}
    for line in lines:
        try:
            key, value = parse(line)
        except (IndexError, ValueError) as exc:
            raise ConfigError("bad line: " + line) from exc
        settings[key] = value
    return settings

print(load(["a=1", "b=2"]))
load(["a=1", "b"])
