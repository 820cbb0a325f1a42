"""Opening and creating archives, custody logging, settings, errors."""
