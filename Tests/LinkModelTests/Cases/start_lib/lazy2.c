void l2_missing(void);
void l2(void) { l2_missing(); }
