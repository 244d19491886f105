package io.tributary.generator;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

final class Geography {

    static final String COUNTRY = "United States";

    private static final String[] TABLE = {
            "California|West|200|Los Angeles:90012;San Francisco:94103;San Diego:92101;San Jose:95113;"
                    + "Sacramento:95814;Fresno:93721;Oakland:94612;Long Beach:90802;Anaheim:92805;"
                    + "Santa Barbara:93101;Riverside:92501;Pasadena:91101",
            "Washington|West|50|Seattle:98101;Spokane:99201;Tacoma:98402;Vancouver:98660;Bellevue:98004",
            "Arizona|West|22|Phoenix:85004;Tucson:85701;Mesa:85201;Scottsdale:85251;Tempe:85281",
            "Colorado|West|18|Denver:80202;Colorado Springs:80903;Aurora:80012;Fort Collins:80521;Boulder:80302",
            "Oregon|West|12|Portland:97204;Eugene:97401;Salem:97301;Bend:97701",
            "Utah|West|5|Salt Lake City:84101;Provo:84601;Ogden:84401",
            "Nevada|West|4|Las Vegas:89101;Reno:89501;Henderson:89002",
            "New Mexico|West|4|Albuquerque:87102;Santa Fe:87501;Las Cruces:88001",
            "Idaho|West|2|Boise:83702;Idaho Falls:83402;Nampa:83651",
            "Montana|West|2|Billings:59101;Missoula:59801;Bozeman:59715",
            "Wyoming|West|1|Cheyenne:82001;Casper:82601",
            "New York|East|110|New York City:10011;Buffalo:14202;Rochester:14604;Albany:12207;"
                    + "Syracuse:13202;Yonkers:10701",
            "Pennsylvania|East|58|Philadelphia:19103;Pittsburgh:15222;Allentown:18101;Erie:16501;"
                    + "Lancaster:17602;Harrisburg:17101",
            "Ohio|East|46|Columbus:43215;Cleveland:44114;Cincinnati:45202;Toledo:43604;Akron:44308;Dayton:45402",
            "Massachusetts|East|13|Boston:02108;Worcester:01608;Springfield:01103;Cambridge:02139;Lowell:01852",
            "New Jersey|East|13|Newark:07102;Jersey City:07302;Trenton:08608;Paterson:07505;Camden:08102",
            "Maryland|East|10|Baltimore:21201;Columbia:21044;Rockville:20850;Annapolis:21401",
            "Delaware|East|9|Wilmington:19801;Dover:19901;Newark:19711",
            "Connecticut|East|8|Hartford:06103;New Haven:06510;Bridgeport:06604;Stamford:06901",
            "Rhode Island|East|5|Providence:02903;Warwick:02886;Cranston:02920",
            "New Hampshire|East|3|Manchester:03101;Nashua:03060;Concord:03301",
            "Vermont|East|1|Burlington:05401;Montpelier:05602",
            "District of Columbia|East|1|Washington:20001",
            "Maine|East|1|Portland:04101;Bangor:04401",
            "West Virginia|East|1|Charleston:25301;Huntington:25701",
            "Texas|Central|98|Houston:77002;Dallas:75201;San Antonio:78205;Austin:78701;Fort Worth:76102;"
                    + "El Paso:79901;Arlington:76010;Plano:75074;Lubbock:79401;Corpus Christi:78401",
            "Illinois|Central|49|Chicago:60601;Aurora:60505;Rockford:61101;Naperville:60540;Peoria:61602;"
                    + "Springfield:62701",
            "Michigan|Central|25|Detroit:48226;Grand Rapids:49503;Lansing:48933;Ann Arbor:48104;Warren:48089;"
                    + "Flint:48502",
            "Indiana|Central|15|Indianapolis:46204;Fort Wayne:46802;Evansville:47708;South Bend:46601;"
                    + "Bloomington:47401",
            "Wisconsin|Central|11|Milwaukee:53202;Madison:53703;Green Bay:54301;Kenosha:53140",
            "Minnesota|Central|9|Minneapolis:55401;Saint Paul:55101;Rochester:55901;Duluth:55802",
            "Missouri|Central|7|Kansas City:64105;Saint Louis:63101;Springfield:65806;Columbia:65201",
            "Oklahoma|Central|7|Oklahoma City:73102;Tulsa:74103;Norman:73069",
            "Nebraska|Central|4|Omaha:68102;Lincoln:68508",
            "Iowa|Central|3|Des Moines:50309;Cedar Rapids:52401;Davenport:52801",
            "Kansas|Central|2|Wichita:67202;Overland Park:66210;Topeka:66603",
            "South Dakota|Central|1|Sioux Falls:57104;Rapid City:57701",
            "North Dakota|Central|1|Fargo:58102;Bismarck:58501",
            "Florida|South|38|Miami:33130;Jacksonville:32202;Tampa:33602;Orlando:32801;Tallahassee:32301;"
                    + "Fort Lauderdale:33301;Saint Petersburg:33701",
            "North Carolina|South|25|Charlotte:28202;Raleigh:27601;Greensboro:27401;Durham:27701;Wilmington:28401",
            "Virginia|South|22|Virginia Beach:23451;Richmond:23219;Norfolk:23510;Arlington:22201;Alexandria:22314",
            "Georgia|South|18|Atlanta:30303;Savannah:31401;Columbus:31901;Athens:30601;Macon:31201",
            "Tennessee|South|18|Nashville:37203;Memphis:38103;Knoxville:37902;Chattanooga:37402",
            "Kentucky|South|14|Louisville:40202;Lexington:40507;Bowling Green:42101;Owensboro:42301",
            "Alabama|South|6|Birmingham:35203;Montgomery:36104;Mobile:36602;Huntsville:35801",
            "Arkansas|South|6|Little Rock:72201;Fayetteville:72701;Fort Smith:72901",
            "Mississippi|South|5|Jackson:39201;Gulfport:39501;Hattiesburg:39401",
            "Louisiana|South|4|New Orleans:70112;Baton Rouge:70801;Shreveport:71101;Lafayette:70501",
            "South Carolina|South|4|Columbia:29201;Charleston:29401;Greenville:29601",
    };

    private static final Weighted<Place> PLACES = new Weighted<>();
    private static final SortedMap<String, String> REGION_BY_STATE = new TreeMap<>();

    static {
        for (String row : TABLE) {
            String[] parts = row.split("\\|");
            String state = parts[0];
            String region = parts[1];
            int stateWeight = Integer.parseInt(parts[2]);
            String[] cities = parts[3].split(";");
            REGION_BY_STATE.put(state, region);
            for (int i = 0; i < cities.length; i++) {
                String[] city = cities[i].split(":");
                long share = 200L * stateWeight * (cities.length - i) / ((long) cities.length * (cities.length + 1));
                PLACES.add(new Place(city[0], state, city[1], region), Math.max(1, share));
            }
        }
    }

    private Geography() {
    }

    static Place pick(SplittableRandom rng) {
        return PLACES.pick(rng);
    }

    static SortedMap<String, String> regionByState() {
        return Collections.unmodifiableSortedMap(REGION_BY_STATE);
    }
}
