"""Mensajero's pika shim: the course's Python scripts, unchanged, against another port and with
Debian's pika 1.2.

Put this folder on PYTHONPATH, and say the port in AMQP_PORT:

    PYTHONPATH=/path/to/mensajero/pika-shim AMQP_PORT=5673 python3 producer.py

Python runs a module named sitecustomize found on its path at start-up. This one changes pika,
when a script imports it, in two ways and no others:

* AMQP_PORT, when set, becomes pika's default port. A script that connects with
  pika.ConnectionParameters('localhost') names no port, so it connects to AMQP_PORT instead of
  5672. A script (or URL) that names a port keeps it; TLS keeps 5671.
* pika.DeliveryMode, the enum pika 1.3 added (Transient = 1, Persistent = 2), is added when
  pika lacks it (pika 1.2, Debian's python3-pika). It is an IntEnum, so pika 1.2 sends its value.

Without pika, nothing happens. Python runs only the first sitecustomize on its path, so this one
then runs the one it hides (Debian's, for example).
"""
import enum
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _port():
    value = os.environ.get('AMQP_PORT', '').strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        sys.stderr.write("mensajero pika shim: AMQP_PORT must be a port number from 1 to 65535 "
                         "(was '%s')\n" % value)
        sys.stderr.flush()
        os._exit(2)  # sys.exit here would be a fatal error with a traceback
    return int(value)


_PORT = _port()


class DeliveryMode(enum.IntEnum):
    """pika 1.3's pika.DeliveryMode, for pika 1.2."""
    Transient = 1
    Persistent = 2


def _adapt(pika):
    if _PORT is not None:
        pika.connection.Parameters.DEFAULT_PORT = _PORT
    if not hasattr(pika, 'DeliveryMode'):
        pika.DeliveryMode = DeliveryMode


class _AdaptingLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _adapt(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _PikaFinder(importlib.abc.MetaPathFinder):
    """Finds pika as Python would, and adapts it once it is loaded."""

    def find_spec(self, name, path, target=None):
        if name != 'pika':
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _AdaptingLoader(spec.loader)
                return spec
        return None


def _run_hidden_sitecustomize():
    others = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    spec = importlib.machinery.PathFinder.find_spec('sitecustomize', others)
    if spec is not None and spec.loader is not None and spec.origin != os.path.abspath(__file__):
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


if 'pika' in sys.modules:
    _adapt(sys.modules['pika'])
else:
    sys.meta_path.insert(0, _PikaFinder())
_run_hidden_sitecustomize()
