"""Countries, blocs and organisations that act as parties in news, with the names that stand for them.

Each row: canonical name | other names, adjectives, demonyms, capitals and seats of power that stand for it.
Used to discover parties when no profile is given, and to add well-known metonyms (Kremlin, White House)
to a profile party that names the country.
"""
from __future__ import annotations

_ROWS = """
United States|U.S.|US|U.S.A.|USA|America|American|Americans|Washington|White House|Pentagon|State Department|Trump administration|Biden administration
Russia|Russian|Russians|Moscow|Kremlin|Russian Federation
Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev
China|Chinese|Beijing|People's Republic of China|PRC
European Union|EU|E.U.|Brussels|European Commission|European Council
Europe|European|Europeans|European leaders|European allies|European officials|European countries|European governments
NATO|North Atlantic Treaty Organization|NATO allies
United Nations|UN|U.N.|Security Council|UN Security Council|General Assembly
United Kingdom|UK|U.K.|Britain|British|London|Downing Street|Whitehall
France|French|Paris|Elysee|Élysée
Germany|German|Germans|Berlin
Italy|Italian|Rome
Spain|Spanish|Madrid
Poland|Polish|Warsaw|Poles
Hungary|Hungarian|Budapest
Finland|Finnish|Helsinki
Sweden|Swedish|Stockholm
Norway|Norwegian|Oslo
Denmark|Danish|Copenhagen
Netherlands|Dutch|The Hague|Amsterdam
Belgium|Belgian
Austria|Austrian|Vienna
Switzerland|Swiss|Bern|Geneva
Greece|Greek|Athens
Portugal|Portuguese|Lisbon
Czech Republic|Czech|Prague|Czechia
Slovakia|Slovak|Bratislava
Romania|Romanian|Bucharest
Bulgaria|Bulgarian|Sofia
Serbia|Serbian|Belgrade
Kosovo|Kosovar|Pristina
Croatia|Croatian|Zagreb
Moldova|Moldovan|Chisinau
Belarus|Belarusian|Minsk
Georgia|Georgian|Tbilisi
Armenia|Armenian|Armenians|Yerevan
Azerbaijan|Azerbaijani|Azeri|Baku
Turkey|Turkish|Ankara|Turkiye|Türkiye
Estonia|Estonian|Tallinn
Latvia|Latvian|Riga
Lithuania|Lithuanian|Vilnius
Ireland|Irish|Dublin
Canada|Canadian|Ottawa
Mexico|Mexican|Mexico City
Brazil|Brazilian|Brasilia
Argentina|Argentine|Argentinian|Buenos Aires
Venezuela|Venezuelan|Caracas
Colombia|Colombian|Bogota
Cuba|Cuban|Havana
Chile|Chilean|Santiago
Peru|Peruvian|Lima
Japan|Japanese|Tokyo
South Korea|South Korean|Seoul
North Korea|North Korean|Pyongyang
Taiwan|Taiwanese|Taipei
India|Indian|New Delhi|Delhi
Pakistan|Pakistani|Islamabad
Afghanistan|Afghan|Kabul
Bangladesh|Bangladeshi|Dhaka
Indonesia|Indonesian|Jakarta
Philippines|Philippine|Filipino|Manila
Vietnam|Vietnamese|Hanoi
Thailand|Thai|Bangkok
Malaysia|Malaysian|Kuala Lumpur
Myanmar|Burmese|Naypyidaw
Australia|Australian|Canberra
New Zealand|Wellington
Israel|Israeli|Israelis|Jerusalem|Tel Aviv|IDF|Israel Defense Forces
Palestinian Authority|Palestinian|Palestinians|Ramallah|PA
Hamas
Hezbollah
Houthis|Houthi|Ansar Allah
Iran|Iranian|Iranians|Tehran|Islamic Republic
Iraq|Iraqi|Baghdad
Syria|Syrian|Damascus
Lebanon|Lebanese|Beirut
Jordan|Jordanian|Amman
Saudi Arabia|Saudi|Saudis|Riyadh
United Arab Emirates|UAE|Emirati|Abu Dhabi
Qatar|Qatari|Doha
Egypt|Egyptian|Cairo
Yemen|Yemeni|Sanaa
Oman|Omani|Muscat
Kuwait|Kuwaiti
Bahrain|Bahraini
Libya|Libyan|Tripoli
Tunisia|Tunisian|Tunis
Algeria|Algerian|Algiers
Morocco|Moroccan|Rabat
Sudan|Sudanese|Khartoum
South Sudan|Juba
Ethiopia|Ethiopian|Addis Ababa
Eritrea|Eritrean|Asmara
Somalia|Somali|Mogadishu
Kenya|Kenyan|Nairobi
Nigeria|Nigerian|Abuja
South Africa|South African|Pretoria
Democratic Republic of Congo|DRC|Congolese|Kinshasa
Rwanda|Rwandan|Kigali
Uganda|Ugandan|Kampala
Mali|Malian|Bamako
Niger|Nigerien|Niamey
Kazakhstan|Kazakh|Astana
Uzbekistan|Uzbek|Tashkent
African Union|AU
ASEAN|Association of Southeast Asian Nations
World Trade Organization|WTO
International Atomic Energy Agency|IAEA
OPEC|OPEC+
G7|Group of Seven
G20|Group of 20
International Monetary Fund|IMF
World Bank
Taliban
Wagner|Wagner Group
M23
Rapid Support Forces|RSF
International Criminal Court|ICC
"""

GAZETTEER: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (parts[0], tuple(parts[1:]))
    for parts in (line.split("|") for line in _ROWS.strip().splitlines())
)
