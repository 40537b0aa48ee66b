"""Messages to participants: templates the coordinator words, filled in for each partner of a
pair and written as e-mail drafts to send from their own mail program (the app sends nothing).

``placeholders`` declares what may be written in braces and what each stands for;
``templates`` holds the built-in wording and the coordinator's changes (in the data file's
settings); ``planning`` fills a template for the partners of some pairs and says who has no
e-mail address; ``history`` records which template was prepared for whom and when.
"""
