void one_missing(void);
void one(void) { one_missing(); }
