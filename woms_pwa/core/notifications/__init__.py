"""In-app notifications, and e-mail copies when SMTP is configured."""
