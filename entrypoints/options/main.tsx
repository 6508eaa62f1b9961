import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { OptionsApp } from '../../src/ui/options/options-app';
import { followThemeSetting } from '../../src/ui/theme-setting';
import { checkRepliesWith } from '../../src/messaging/client';
import { readReplyResult } from '../../src/messaging/reply-reader';

followThemeSetting();
checkRepliesWith(readReplyResult);
// Firefox's PDF viewer runs no content script: no PDF tab titles there.
render(<OptionsApp db={new PaperLensDatabase()} pdfTabTitles={!import.meta.env.FIREFOX} />, document.getElementById('app')!);
