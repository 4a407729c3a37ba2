"""The archive as a whole: relations between documents, their validity, works and printings."""
