int helper(void);
int use_b(void) { return helper(); }
