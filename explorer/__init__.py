"""Explorer of leader-to-leader diplomacy between Beijing and Moscow, 1949-2025."""

__version__ = "0.1.0"
