void visible_missing(void);
void hidden_missing(void);
__attribute__((visibility("default"))) void visible(void) { visible_missing(); }
void hidden_by_default(void) { hidden_missing(); }
