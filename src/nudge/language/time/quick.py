"""A cheaper ``__init__`` for the frozen, slotted dataclasses a parse builds by the dozen.

A frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__(self, "name", value)``: a global, an attribute and a call with a
string per field, several times the cost of a named tuple. ``quick_init`` swaps in an
``__init__`` with the same parameters and defaults that stores each field through its slot's
own descriptor (``Cls.field.__set__``), which is all ``object.__setattr__`` ends up doing.
The class stays a frozen dataclass: assigning a field still raises, and equality, hashing,
``repr`` and ``dataclasses.replace`` are the generated ones (``replace`` calls ``__init__``).
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """``cls`` with a descriptor-storing ``__init__`` (a frozen, slotted dataclass only).

    Refused for what the plain one would handle differently: ``__post_init__``, fields
    outside ``__init__``, keyword-only fields and default factories.
    """
    if not is_dataclass(cls) or not hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: a slotted dataclass without __post_init__ only")
    names: list[str] = []
    params: list[str] = []
    scope: dict[str, Any] = {}
    for field in fields(cls):
        if not field.init or field.kw_only or field.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: a plain positional field only")
        names.append(field.name)
        scope[f"_set_{field.name}"] = cls.__dict__[field.name].__set__
        if field.default is MISSING:
            params.append(field.name)
        else:
            scope[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
    body = "".join(f"    _set_{name}(self, {name})\n" for name in names) or "    pass\n"
    source = f"def __init__(self, {', '.join(params)}):\n{body}"
    # The source is built here from the class's own field names, never from input.
    exec(source, scope)  # noqa: S102  # nosec B102
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = "Store each field through its slot (see ``quick``)."
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method
    return cls
