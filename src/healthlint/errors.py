"""The errors a user can fix: the command line reports them in one line and exits 2."""


class UserError(Exception):
    """A broken pack, configuration, baseline or command line; the message says where."""


class UsageError(UserError):
    """A command line that names something that does not exist (exit code 2)."""
