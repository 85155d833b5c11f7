"""Steps that run on the built site, after every language has been rendered."""
