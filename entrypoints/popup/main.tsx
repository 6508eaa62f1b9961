import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { PopupApp } from '../../src/ui/popup/popup-app';
import { followThemeSetting } from '../../src/ui/theme-setting';
import { checkRepliesWith } from '../../src/messaging/client';
import { readReplyResult } from '../../src/messaging/reply-reader';

followThemeSetting();
checkRepliesWith(readReplyResult);
render(<PopupApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
