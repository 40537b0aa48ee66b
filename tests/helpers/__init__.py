"""Small tools more than one test folder uses."""
