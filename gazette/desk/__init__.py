"""The editors' desk: work that happens around the archive (部门文件报送 and its reports)."""
