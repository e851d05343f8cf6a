"""The one error the appliance verbs raise: a plain sentence saying what is wrong and what to do."""


class ApplianceError(Exception):
    """Install, remove or update stopped; the message names the problem and what to do."""
