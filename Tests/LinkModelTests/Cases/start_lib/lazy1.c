void l1_missing(void);
void l1(void) { l1_missing(); }
