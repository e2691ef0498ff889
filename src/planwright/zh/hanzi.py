"""Traditional → simplified characters, for *recognising* text, never for storing it.

Notices copied from Hong Kong / Taiwan mirrors, or converted by a browser
plug-in, arrive in traditional characters (責任單位, 關於印發, 時限要求). The
importer's patterns are written in simplified characters, so it matches them
against ``simplify(text)``. The map is one character to one character, so a
span found in the simplified form cuts the same characters out of the printed
text, and names and titles are stored exactly as printed.

Only characters that the words of these notices use are listed (offices,
attribution verbs, deadline words, page furniture); a character whose
traditional form is also an ordinary simplified character with another
meaning (著, 乾, 夥 …) is left out on purpose.
"""

from __future__ import annotations

import functools

from planwright.zh.lazyre import lazy_compile

# Pairs "繁简", separated by spaces, grouped loosely by topic to keep them checkable.
_PAIRS = """
與与 專专 業业 東东 兩两 嚴严 個个 為为 麗丽 舉举 義义 樂乐 鄉乡 書书 買买 亂乱 爭争 於于
雲云 亞亚 產产 親亲 億亿 僅仅 從从 倉仓 儀仪 們们 價价 眾众 優优 會会 傘伞 偉伟 傳传 傷伤
倫伦 體体 餘余 係系 側侧 偵侦 債债 傾倾 償偿 儲储 兒儿 黨党 蘭兰 關关 興兴 養养 內内 岡冈
冊册 寫写 軍军 農农 衝冲 決决 況况 凍冻 淨净 涼凉 減减 幾几 鳳凤 憑凭 擊击 劃划 劉刘 則则
剛刚 創创 刪删 別别 劑剂 劍剑 劇剧 勸劝 辦办 務务 動动 勵励 勁劲 勞劳 勢势 區区 醫医 華华
協协 單单 賣卖 盧卢 衛卫 卻却 廠厂 廳厅 歷历 厲厉 壓压 厭厌 縣县 參参 雙双 發发 變变 敘叙
疊叠 葉叶 號号 後后 嚇吓 聽听 啟启 吳吴 員员 響响 問问 喚唤 喪丧 團团 園园 圍围 圖图 國国
圓圆 聖圣 場场 壞坏 塊块 堅坚 壇坛 壩坝 執执 報报 擴扩 掃扫 揚扬 換换 揮挥 損损 據据 擁拥
擇择 擬拟 擔担 攜携 擠挤 擺摆 攤摊 撥拨 撫抚 搶抢 護护 報报 夠够 夢梦 獎奖 奪夺 奮奋 婦妇
媽妈 學学 寧宁 寶宝 實实 寬宽 審审 將将 對对 導导 屆届 屬属 層层 歲岁 豈岂 島岛 嶺岭 幣币
帥帅 師师 帳帐 幫帮 幹干 廣广 莊庄 慶庆 廢废 應应 廟庙 開开 異异 棄弃 張张 彈弹 強强 歸归
當当 錄录 彙汇 徹彻 徵征 徑径 復复 懷怀 態态 總总 恆恒 惡恶 悅悦 懸悬 驚惊 慣惯 憤愤 慮虑
憂忧 戰战 戲戏 戶户 紮扎 撲扑 託托 執执 擴扩 掛挂 擋挡 揀拣 擁拥 攔拦 擰拧 撥拨 擇择 挾挟
撈捞 損损 撿捡 換换 搗捣 據据 擲掷 摻掺 揮挥 攪搅 攝摄 擺摆 搖摇 攜携 擾扰 斂敛 數数 齋斋
斷断 無无 舊旧 時时 曠旷 曉晓 暫暂 曆历 書书 會会 朧胧 術术 樸朴 機机 殺杀 雜杂 權权 條条
來来 楊杨 極极 構构 樞枢 棗枣 櫃柜 檢检 樓楼 標标 棟栋 樣样 樹树 橋桥 橫横 檔档 櫥橱 歡欢
歐欧 殘残 殼壳 毀毁 毆殴 氣气 漢汉 湯汤 溝沟 沒没 滬沪 潔洁 灑洒 濁浊 測测 濟济 渾浑 濃浓
濤涛 滅灭 潤润 澇涝 漲涨 溫温 遊游 灣湾 濕湿 滿满 濾滤 濫滥 潛潜 瀏浏 瀾澜 燈灯 靈灵 災灾
爐炉 點点 煉炼 爍烁 燒烧 煙烟 煩烦 熱热 愛爱 爺爷 牆墙 牽牵 犧牺 狀状 猶犹 獨独 狹狭 獄狱
獲获 猶犹 獻献 現现 環环 瑣琐 璽玺 瓊琼 電电 畫画 暢畅 療疗 瘋疯 癢痒 發发 盡尽 監监 盤盘
盧卢 眾众 睜睁 矯矫 確确 礎础 禮礼 禍祸 離离 秈籼 種种 積积 稱称 穩稳 窮穷 竊窃 競竞 筆笔
築筑 簡简 籌筹 簽签 類类 糧粮 糾纠 紀纪 約约 級级 紅红 納纳 紐纽 純纯 紙纸 紛纷 紡纺 細细
織织 終终 組组 結结 絕绝 給给 絡络 統统 經经 綜综 綠绿 維维 網网 綱纲 緊紧 線线 練练 緒绪
績绩 續续 總总 繳缴 縮缩 編编 緣缘 緩缓 縣县 繁繁 繼继 罰罚 罷罢 羅罗 聖圣 聞闻 聯联 聰聪
聲声 聽听 職职 肅肃 腦脑 腳脚 膽胆 臟脏 臨临 與与 興兴 舉举 艱艰 節节 範范 蘇苏 藥药 藝艺
蘿萝 萬万 葉叶 號号 蟲虫 蠶蚕 補补 裝装 製制 複复 見见 規规 視视 覽览 覺觉 觀观 角角
觸触 訂订 計计 認认 討讨 讓让 訓训 議议 記记 講讲 許许 論论 設设 訪访 證证 評评 識识 詞词
詢询 試试 該该 詳详 誠诚 話话 誤误 說说 請请 課课 調调 談谈 論论 諮咨 謀谋 謝谢 謹谨 譽誉
變变 讀读 豐丰 貝贝 負负 財财 貢贡 貨货 質质 販贩 貪贪 貧贫 責责 貴贵 費费 貿贸 資资 賬账
賠赔 賦赋 購购 賽赛 贊赞 贈赠 趕赶 趨趋 躍跃 車车 軌轨 較较 載载 輔辅 輕轻 輛辆 輸输 輪轮
轉转 辦办 辭辞 農农 邊边 遼辽 達达 遷迁 過过 運运 還还 這这 進进 遠远 違违 連连 遲迟 選选
遺遗 郵邮 鄉乡 鄰邻 醫医 釋释 裡里 針针 鈔钞 鋼钢 錢钱 錯错 鍵键 鎮镇 鏈链 鑑鉴 鑒鉴 長长
門门 閃闪 閉闭 問问 閒闲 間间 閱阅 闊阔 關关 闡阐 隊队 陽阳 陰阴 陳陈 際际 陸陆 隨随 險险
隱隐 雖虽 雙双 雜杂 難难 雲云 電电 霧雾 靜静 韓韩 頁页 頂顶 項项 順顺 須须 預预 領领 頻频
題题 額额 顏颜 願愿 類类 顧顾 顯显 風风 飛飞 飯饭 飲饮 館馆 餘余 馬马 駐驻 驗验 體体 髮发
鬧闹 魚鱼 鳥鸟 鹽盐 麥麦 黃黄 點点 齊齐 龍龙 龜龟 臺台 檯台 颱台 於于 準准 並并 啟启 週周
佈布 佔占 係系 喫吃 衹只 祇只 隻只 剷铲 鬥斗 舖铺 鋪铺 彞彝 琺珐 嘗尝 麼么 錶表 鐘钟 鍾钟
衕同 洩泄 氾泛 嶽岳 僱雇 礙碍 蝕蚀 屍尸 傑杰 讚赞 獃呆 凈净 曬晒 臥卧 巖岩 廬庐 爾尔 嬰婴
繫系 擬拟 緝缉 綫线 鎖锁 滙汇 匯汇 羣群 傢家 閣阁 辯辩 辨辨 慾欲 漁渔 廚厨 輯辑 壽寿 濱滨
衚胡 瑤瑶 週周 範范 擊击 陣阵 聶聂 簿簿 勳勋 惱恼 鍛锻 僅仅 貫贯 務务 規规 廳厅 處处 屬属
稅税 戶户 徑径 斃毙 銷销 鑄铸 術术 藍蓝 懲惩 壯壮 幀帧 歷历 擬拟 蓋盖 齡龄 衝冲 擬拟 網网
圍围 緻致 鑰钥 鏡镜 顆颗 蠟蜡 獵猎 灘滩 邏逻 羈羁 黴霉 嚮向 淵渊 錦锦 裏里 屆届 亙亘 紹绍
釐厘 訊讯 訴诉 誼谊 譯译 詐诈 諾诺 謊谎 譜谱 賓宾 賴赖 賜赐 賀贺 賤贱 贏赢 趙赵 軟软 輝辉
遞递 鄭郑 醬酱 釣钓 鈴铃 銀银 銳锐 鋒锋 錄录 鍋锅 鑽钻 閑闲 闖闯 陝陕 隸隶 雞鸡 韻韵 頒颁
頓顿 頭头 頸颈 頗颇 顛颠 颳刮 飄飘 飽饱 餅饼 騎骑 騙骗 驅驱 驟骤 鬆松 魯鲁 鮮鲜 鳴鸣 鶴鹤
麵面 黨党 齒齿 晝昼 暈晕 曉晓 樁桩 檻槛 櫻樱 歎叹 殯殡 氫氢 滯滞 滲渗 滷卤 瀝沥 瀨濑 燦灿
燭烛 犢犊 獅狮 瑪玛 畢毕 癒愈 皺皱 盞盏 碼码 磚砖 禦御 禪禅 禱祷 穌稣 窪洼 窯窑 竅窍 篩筛
糞粪 紗纱 紋纹 紳绅 絨绒 綁绑 綢绸 緯纬 縫缝 纖纤 纜缆 罈坛 羨羡 翹翘 聳耸 脅胁 脈脉 腸肠
膚肤 艙舱 蒼苍 蔣蒋 蕭萧 薦荐 薩萨 藏藏 蘊蕴 虛虚 蝦虾 螢萤 蠻蛮 襪袜 襲袭 覓觅 訝讶 訣诀
註注 詠咏 詩诗 誇夸 誌志 誕诞 諒谅 諸诸 諷讽 謎谜 謠谣 譏讥 譴谴 豎竖 豬猪 貓猫 賈贾 賊贼
賬账 賭赌 賺赚 躁躁 躋跻 軸轴 輩辈 轄辖 轎轿 辮辫 遙遥 適适 遜逊 鄒邹 醞酝 釀酿 鈍钝 鉛铅
鉤钩 銅铜 鋁铝 錘锤 鍊炼 鍍镀 鎊镑 鏟铲 鐵铁 鑲镶 閘闸 閩闽 闆板 闌阑 阻阻 陣阵 陰阴 階阶
隕陨 雛雏 雋隽 霽霁 靂雳 韌韧 韜韬 頌颂 頑顽 頹颓 顫颤 颶飓 餓饿 餚肴 饑饥 駁驳 駕驾 駛驶
騰腾 驕骄 髒脏 鬱郁 魂魂 鯨鲸 鴨鸭 鵝鹅 鷹鹰 麗丽 黴霉 鼴鼹 齣出 龐庞 廈厦 嶄崭 幟帜 彌弥
彥彦 徠徕 憐怜 懇恳 懶懒 戀恋 擱搁 攏拢 攬揽 敗败 敵敌 斬斩 暉晖 暱昵 朮术 杴锨 梟枭 棧栈
榮荣 槍枪 樂乐 橢椭 檳槟 櫓橹 欄栏 歟欤 氈毡 氾泛 汙污 湧涌 滄沧 滷卤 漿浆 澀涩 澗涧 濰潍
濺溅 瀉泻 瀋沈 灤滦 煥焕 燉炖 燼烬 爭争 牘牍 獷犷 玀猡 瑋玮 環环 瓏珑 甌瓯 產产 畝亩 疇畴
瘡疮 瘧疟 癡痴 皚皑 盜盗 盧卢 睞睐 瞞瞒 矚瞩 砲炮 碩硕 磯矶 礦矿 祿禄 禎祯 穀谷 穢秽 窩窝
窺窥 竄窜 竇窦 筍笋 箋笺 篤笃 簍篓 籃篮 籠笼 粵粤 糰团 紉纫 紓纾 絢绚 綏绥 綻绽 緞缎 緬缅
縛缚 縱纵 繞绕 繡绣 繩绳 繪绘 繹绎 纏缠 缽钵 罌罂 羥羟 翺翱 耬耧 聾聋 肅肃 脫脱 腎肾 腫肿
膠胶 膩腻 臘腊 艦舰 芻刍 荊荆 莖茎 萊莱 葦苇 蓮莲 蔔卜 蕩荡 蕪芜 薑姜 薺荠 藹蔼 蘆芦 虜虏
蛻蜕 蠅蝇 衊蔑 襖袄 覦觎 訛讹 訟讼 詛诅 詭诡 諍诤 諭谕 謁谒 謙谦 謬谬 譁哗 讎仇 讒谗 豔艳
貞贞 貶贬 貼贴 賃赁 賄贿 賑赈 賒赊 賞赏 賢贤 贓赃 贖赎 趲趱 跡迹 踐践 蹤踪 軍军 軒轩 軛轭
輓挽 輻辐 輿舆 轟轰 辮辫 邁迈 鄖郧 酈郦 醜丑 鈞钧 鈣钙 鉀钾 鉗钳 銜衔 鋸锯 錫锡 鍬锹 鎂镁
鏤镂 鐫镌 鑄铸 鑼锣 閥阀 閻阎 闈闱 陘陉 隴陇 雋隽 雛雏 靄霭 鞏巩 韋韦 頜颌 頰颊 顱颅 飼饲
餃饺 餞饯 餵喂 饅馒 駝驼 騷骚 驢驴 驪骊 骯肮 鬍胡 鬢鬓 魘魇 鯉鲤 鰻鳗 鳩鸠 鴉鸦 鴻鸿 鵬鹏
鷺鹭 鹵卤 麩麸 黷黩 黽黾 齟龃 齬龉 龕龛
"""


def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    for pair in _PAIRS.split():
        if len(pair) == 2 and pair[0] != pair[1]:
            table[ord(pair[0])] = ord(pair[1])
    return table


_T2S = _table()
# One regex scan (in C) tells whether a text needs translating at all; most do not.
_TRADITIONAL_RE = lazy_compile("[" + "".join(sorted(chr(c) for c in _T2S)) + "]")


# An import passes each line through several readers, each simplifying it again: three calls
# in four are for a text already seen, and a look-up is cheaper than the scan.
@functools.lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """The same text with traditional characters made simplified, one char for one."""
    return text.translate(_T2S) if _TRADITIONAL_RE.search(text) else text


def has_traditional(text: str) -> bool:
    """Whether ``simplify`` would change anything (lets callers skip remapping)."""
    return _TRADITIONAL_RE.search(text) is not None
