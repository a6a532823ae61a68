void helper(void);
void _start(void) { helper(); }
